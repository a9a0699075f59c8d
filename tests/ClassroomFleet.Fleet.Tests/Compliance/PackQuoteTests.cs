using System.Security.Cryptography;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>
/// Every quote of a shipped pack that cites a seed file is an exact substring of the line it names, and the seed copy
/// the test reads has the hash the pack records (so the copy is the document delivered in /work/shared/seeds).
/// </summary>
public sealed class PackQuoteTests
{
    [Fact]
    public void Seed_quotes_appear_verbatim_on_their_lines()
    {
        var set = ComplianceTestData.ShippedPacks();
        var checkedQuotes = 0;
        foreach (var pack in set.Packs.Where(p => p.SourceFile is not null))
        {
            var path = Path.Combine(ComplianceTestData.Resources, "seeds", pack.SourceFile!);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(pack.SourceSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var lines = File.ReadAllLines(path);
            foreach (var rule in pack.Rules)
            {
                var line = rule.Source.Line!.Value;
                Assert.True(lines[line - 1].Contains(rule.Source.Quote, StringComparison.Ordinal), $"{rule.Id}: 「{rule.Source.Quote}」 is not on line {line} of {pack.SourceFile}");
                checkedQuotes++;
            }
        }

        Assert.Equal(11, checkedQuotes); // 7 rules of ly15-265, 4 of cd14-10
    }

    [Fact]
    public void Shipped_packs_name_their_documents()
    {
        var set = ComplianceTestData.ShippedPacks();
        Assert.Equal("洛教电〔2015〕265号", set.Find("ly15-265")!.DocumentNumber);
        Assert.Equal("成教办〔2014〕10号", set.Find("cd14-10")!.DocumentNumber);
        Assert.Equal(["cd14-10", "cn-national", "ly15-265"], set.Packs.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["cn-national", "ly15-265"], set.ForCounty("410323").Select(p => p.Pack.Id));
        Assert.Equal(["cd14-10", "cn-national"], set.ForCounty("510104").Select(p => p.Pack.Id));
    }
}
