using ClassroomFleet.Agent.Outbox;

namespace ClassroomFleet.Agent.Tests.Outbox;

public sealed class MemoryOutboxTests : OutboxContractTests
{
    protected override IOutbox Create(OutboxOptions options) => new MemoryOutbox(options, Time);
}
