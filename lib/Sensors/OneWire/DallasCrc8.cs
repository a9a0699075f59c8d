namespace ClassroomFleet.Sensors.OneWire;

/// <summary>
/// The Dallas/Maxim 1-Wire CRC-8 (polynomial x⁸ + x⁵ + x⁴ + 1, bits taken least significant first, initial value 0),
/// which a DS18B20 appends as the ninth byte of its scratchpad (datasheet, "CRC generation").
/// </summary>
internal static class DallasCrc8
{
    private const byte ReflectedPolynomial = 0x8C;

    public static byte Compute(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (var value in data)
        {
            var b = value;
            for (var bit = 0; bit < 8; bit++)
            {
                var mix = (crc ^ b) & 1;
                crc >>= 1;
                if (mix != 0)
                {
                    crc ^= ReflectedPolynomial;
                }

                b >>= 1;
            }
        }

        return crc;
    }
}
