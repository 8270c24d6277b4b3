// The Podium module.
