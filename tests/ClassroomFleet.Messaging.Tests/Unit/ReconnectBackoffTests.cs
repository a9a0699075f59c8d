namespace ClassroomFleet.Messaging.Tests.Unit;

public sealed class ReconnectBackoffTests
{
    private readonly ReconnectBackoff _backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void The_Ceiling_Doubles_Up_To_The_Maximum(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), _backoff.Ceiling(attempt));

    [Fact]
    public void Each_Delay_Lies_Between_Half_The_Ceiling_And_The_Ceiling_And_They_Vary()
    {
        var delays = new HashSet<TimeSpan>();
        for (var i = 0; i < 200; i++)
        {
            var delay = _backoff.Delay(5);
            Assert.InRange(delay, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16));
            delays.Add(delay);
        }

        Assert.True(delays.Count > 50, "jitter must spread the reconnects");
    }
}
