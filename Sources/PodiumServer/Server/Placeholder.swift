import Hummingbird
import Logging
import Podium
