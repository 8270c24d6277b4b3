import SearchIndex
import Testing

@Suite("CRC-32C")
struct CRC32CTests {
    @Test("the standard check value: CRC-32C(\"123456789\") = 0xE3069283")
    func checkValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    @Test(
        "the hardware path and the tables agree on every length and split",
        arguments: [0, 1, 7, 8, 9, 63, 64, 1000, 4099]
    )
    func pathsAgree(length: Int) {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
        bytes.withUnsafeBytes { raw in
            var table = CRC32C()
            if length > 0 { table.updateWithTables(raw.baseAddress!, count: length) }
            var split = CRC32C()
            let cut = length / 3
            split.update(UnsafeRawBufferPointer(rebasing: raw[0..<cut]))
            split.update(UnsafeRawBufferPointer(rebasing: raw[cut...]))
            #expect(split.value == table.value)
            #expect(CRC32C.checksum(raw) == table.value)
        }
    }
}
