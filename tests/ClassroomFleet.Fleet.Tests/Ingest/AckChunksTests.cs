using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Ingest;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Fleet.Tests.Ingest;

public class AckChunksTests
{
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Every_Batch_Is_Named_Once_In_Order_And_No_Message_Names_More_Than_The_Limit() =>
        Prop.ForAll(Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), (storedCount, rejectedCount, max) =>
        {
            var stored = Enumerable.Range(1, storedCount).Select(i => (long)i).ToList();
            var rejected = Enumerable.Range(1000, rejectedCount).Select(i => new RejectedBatch(i, "refused")).ToList();

            var chunks = AckChunks.Split(stored, rejected, max).ToList();

            Assert.All(chunks, c => Assert.InRange(c.Stored.Count + c.Rejected.Count, storedCount + rejectedCount == 0 ? 0 : 1, max));
            Assert.Equal(stored, chunks.SelectMany(c => c.Stored));
            Assert.Equal(rejected, chunks.SelectMany(c => c.Rejected));
            Assert.Equal(Math.Max(1, (storedCount + rejectedCount + max - 1) / max), chunks.Count);
        });

    [Fact]
    public void What_Fits_Goes_Out_As_One_Message_Without_Copying()
    {
        List<long> stored = [4, 5, 6];
        List<RejectedBatch> rejected = [new(7, "refused")];

        var chunk = Assert.Single(AckChunks.Split(stored, rejected, AckPublisher.MaxBatchesPerMessage));

        Assert.Same(stored, chunk.Stored);
        Assert.Same(rejected, chunk.Rejected);
    }
}
