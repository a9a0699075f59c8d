using ClassroomFleet.Contracts.Identifiers;

namespace ClassroomFleet.Contracts.Tests.Identifiers;

public class ContractIdentifiersTests
{
    [Theory]
    [InlineData("410323", true)]
    [InlineData("41032", false)]
    [InlineData("4103234", false)]
    [InlineData("41032a", false)]
    [InlineData("４１０３２３", false)]
    public void County_Is_Six_Ascii_Digits(string value, bool valid) => Assert.Equal(valid, ContractIdentifiers.IsCountyCode(value));

    [Theory]
    [InlineData("4141032301", true)]
    [InlineData("414103230", false)]
    [InlineData("41410323011", false)]
    public void School_Is_Ten_Ascii_Digits(string value, bool valid) => Assert.Equal(valid, ContractIdentifiers.IsSchoolCode(value));

    [Theory]
    [InlineData("sw-core-1", true)]
    [InlineData("panel_3.2", true)]
    [InlineData("-leading", false)]
    [InlineData("Upper", false)]
    [InlineData("a/b", false)]
    [InlineData("a+b", false)]
    [InlineData("a#", false)]
    [InlineData("", false)]
    public void Device_Id_Is_Safe_As_A_Topic_Level(string value, bool valid) => Assert.Equal(valid, ContractIdentifiers.IsDeviceId(value));
}
