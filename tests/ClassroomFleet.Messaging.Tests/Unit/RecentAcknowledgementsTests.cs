namespace ClassroomFleet.Messaging.Tests.Unit;

public sealed class RecentAcknowledgementsTests
{
    private readonly SteppedTime _time = new();

    [Fact]
    public void The_Messages_Of_The_Lost_Generation_Within_The_Window_Come_Back_Oldest_First()
    {
        var recent = new RecentAcknowledgements(16, TimeSpan.FromSeconds(2), _time);
        recent.Add(Message("old"), generation: 3);
        _time.Advance(TimeSpan.FromSeconds(5));
        recent.Add(Message("earlier-connection"), generation: 2);
        recent.Add(Message("a"), generation: 3);
        _time.Advance(TimeSpan.FromSeconds(1));
        recent.Add(Message("b"), generation: 3);

        Assert.Equal(["a", "b"], recent.TakeRecent(3).Select(m => m.Topic));
        Assert.Empty(recent.TakeRecent(3));
    }

    [Fact]
    public void An_Acknowledgement_Processed_After_Its_Connection_Was_Taken_Is_Handed_Back_To_The_Caller()
    {
        var recent = new RecentAcknowledgements(16, TimeSpan.FromSeconds(2), _time);
        Assert.True(recent.Add(Message("a"), generation: 1));
        Assert.Equal(["a"], recent.TakeRecent(1).Select(m => m.Topic));

        Assert.False(recent.Add(Message("late"), generation: 1));
        Assert.True(recent.Add(Message("next"), generation: 2));
    }

    [Fact]
    public void At_Most_Capacity_Messages_Are_Kept_The_Newest()
    {
        var recent = new RecentAcknowledgements(3, TimeSpan.FromSeconds(2), _time);
        foreach (var topic in new[] { "1", "2", "3", "4", "5" })
        {
            recent.Add(Message(topic), generation: 1);
        }

        Assert.Equal(["3", "4", "5"], recent.TakeRecent(1).Select(m => m.Topic));
    }

    [Fact]
    public void QoS_0_Messages_And_A_Capacity_Of_Zero_Keep_Nothing()
    {
        var recent = new RecentAcknowledgements(4, TimeSpan.FromSeconds(2), _time);
        recent.Add(Message("fire-and-forget", MessageQos.AtMostOnce), generation: 1);
        Assert.Empty(recent.TakeRecent(1));

        var off = new RecentAcknowledgements(0, TimeSpan.FromSeconds(2), _time);
        off.Add(Message("a"), generation: 1);
        Assert.Empty(off.TakeRecent(1));
    }

    private static OutgoingMessage Message(string topic, MessageQos qos = MessageQos.AtLeastOnce) => new(topic, "{}"u8.ToArray(), qos);

    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
