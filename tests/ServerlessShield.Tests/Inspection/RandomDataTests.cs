using ServerlessShield.Tests.Inspection.Corpus;

namespace ServerlessShield.Tests.Inspection;

// Events carry opaque data: tokens, signatures, encrypted blobs, hashes. Random bytes written as base64 or hex must not
// read as an injection; a few characters of base64 can spell a command name ("nl", "dd", "7z") before a '+' or '/'.
public class RandomDataTests
{
    [Fact]
    public void RandomBase64_IsNotFlagged()
    {
        var random = new Random(20261129);
        var flagged = new List<string>();
        for (var n = 0; n < 20_000; n++)
        {
            var bytes = new byte[random.Next(9, 120)];
            random.NextBytes(bytes);
            var value = Convert.ToBase64String(bytes);
            if (ValuePipeline.Rules(value).Count > 0)
            {
                flagged.Add(value);
            }
        }

        // At most one in 10,000 (a base64 run can start with "/0x2e", which is how path fuzzers spell "/.").
        Assert.True(flagged.Count <= 2, $"{flagged.Count} of 20,000 random base64 values flagged, e.g. {string.Join(" | ", flagged.Take(5))}");
    }

    [Fact]
    public void RandomHex_IsNotFlagged()
    {
        var random = new Random(7);
        for (var n = 0; n < 5_000; n++)
        {
            var bytes = new byte[random.Next(4, 64)];
            random.NextBytes(bytes);
            var value = n % 2 == 0 ? Convert.ToHexString(bytes) : Convert.ToHexStringLower(bytes);
            Assert.Empty(ValuePipeline.Rules(value));
        }
    }
}
