using ClassroomFleet.Influx.Writing;

namespace ClassroomFleet.Influx.Tests.Writing;

public sealed class InfluxBatchWriterOptionsValidatorTests
{
    [Fact]
    public void The_Defaults_Are_Valid()
    {
        Assert.True(new InfluxBatchWriterOptionsValidator().Validate(null, new InfluxBatchWriterOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Concurrent_Writes_Outside_1_To_16_Are_Refused_With_Their_Key(int writes)
    {
        var result = new InfluxBatchWriterOptionsValidator().Validate(null, new InfluxBatchWriterOptions { MaxConcurrentWrites = writes });

        Assert.True(result.Failed);
        Assert.Contains($"Influx:Batching:MaxConcurrentWrites must be from 1 to 16, not {writes}.", result.Failures);
    }
}
