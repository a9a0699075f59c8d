using ClassroomFleet.Sensors.OneWire;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Sensors.Tests.OneWire;

public sealed class W1SlaveParserTests
{
    private const string Path = "/sys/bus/w1/devices/28-0316a2799aff/w1_slave";

    [Theory]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n", 23125)]
    [InlineData("5e ff 4b 46 7f ff 02 10 b6 : crc=b6 YES\n5e ff 4b 46 7f ff 02 10 b6 t=-10125\n", -10125)]
    [InlineData("00 00 4b 46 7f ff 0c 10 c8 : crc=c8 YES\n00 00 4b 46 7f ff 0c 10 c8 t=0\n", 0)]
    [InlineData("d0 07 4b 46 7f ff 0c 10 f4 : crc=f4 YES\r\nd0 07 4b 46 7f ff 0c 10 f4 t=125000\r\n", 125000)]
    public void Good_File_Gives_Milli_Celsius(string text, int expected) =>
        Assert.Equal(expected, W1SlaveParser.ParseMilliC(text, Path));

    [Fact]
    public void Crc_Failure_Is_Its_Own_Fault_Kind()
    {
        var ex = Assert.Throws<SensorFormatException>(() =>
            W1SlaveParser.ParseMilliC("72 01 4b 46 7f ff 0e 10 57 : crc=ff NO\n72 01 4b 46 7f ff 0e 10 57 t=23125\n", Path));

        Assert.Equal(SensorFaultKind.CrcFailed, ex.Kind);
    }

    [Theory]
    [InlineData("72 01 4b 46 7f ff 0e 10 58 : crc=58 YES\n72 01 4b 46 7f ff 0e 10 58 t=23125\n")]
    [InlineData("73 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n73 01 4b 46 7f ff 0e 10 57 t=23187\n")]
    [InlineData("00 00 00 00 00 00 00 00 00 : crc=00 YES\n00 00 00 00 00 00 00 00 00 t=0\n")]
    public void A_Scratchpad_Whose_Own_Crc_Fails_Is_A_Crc_Fault_Even_If_The_Driver_Said_Yes(string text)
    {
        var ex = Assert.Throws<SensorFormatException>(() => W1SlaveParser.ParseMilliC(text, Path));

        Assert.Equal(SensorFaultKind.CrcFailed, ex.Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0x72, 0x01, 0x4b, 0x46, 0x7f, 0xff, 0x0e, 0x10 }, 0x57)]
    // Maxim application note 27's worked example: ROM code 02 1C B8 01 00 00 00 has CRC A2.
    [InlineData(new byte[] { 0x02, 0x1c, 0xb8, 0x01, 0x00, 0x00, 0x00 }, 0xa2)]
    [InlineData(new byte[] { }, 0x00)]
    public void Crc8_Matches_The_Dallas_Polynomial(byte[] data, byte expected) =>
        Assert.Equal(expected, DallasCrc8.Compute(data));

    [Fact]
    public void Power_On_Reset_Value_Is_Its_Own_Fault_Kind()
    {
        var ex = Assert.Throws<SensorFormatException>(() =>
            W1SlaveParser.ParseMilliC("50 05 4b 46 7f ff 0c 10 1c : crc=1c YES\n50 05 4b 46 7f ff 0c 10 1c t=85000\n", Path));

        Assert.Equal(SensorFaultKind.PowerOnReset, ex.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 MAYBE\n72 01 t=23125\n")]
    [InlineData("72 01 4b 46 7f ff 0e 10 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 t=23125\n")]
    [InlineData("72 01 4b 46 7f zz 0e 10 57 : crc=57 YES\n72 01 4b 46 7f zz 0e 10 57 t=23125\n")]
    [InlineData("crc=57 YES\n72 01 t=23125\n")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57\n")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=\n")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23x\n")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=126000\n")]
    [InlineData("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=-56000\n")]
    [InlineData("\0\0\0\0")]
    public void Malformed_File_Is_A_Malformed_Fault(string text)
    {
        var ex = Assert.Throws<SensorFormatException>(() => W1SlaveParser.ParseMilliC(text, Path));

        Assert.Equal(SensorFaultKind.Malformed, ex.Kind);
        Assert.Contains(Path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("23125\n", 23125)]
    [InlineData("-500", -500)]
    public void Temperature_File_Gives_Milli_Celsius(string text, int expected) =>
        Assert.Equal(expected, W1SlaveParser.ParseTemperatureFile(text, Path));

    [Theory]
    [InlineData("23.1")]
    [InlineData("")]
    [InlineData("85000")]
    public void Bad_Temperature_File_Is_A_Typed_Fault(string text) =>
        Assert.Throws<SensorFormatException>(() => W1SlaveParser.ParseTemperatureFile(text, Path));

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Any_Text_Either_Parses_In_Range_Or_Throws_The_Typed_Error_Only() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text =>
        {
            try
            {
                var value = W1SlaveParser.ParseMilliC(text, Path);
                return value is >= W1SlaveParser.MinMilliC and <= W1SlaveParser.MaxMilliC;
            }
            catch (SensorFormatException)
            {
                return true;
            }
        });
}
