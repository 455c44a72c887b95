using System.Text;

namespace ServerlessShield.AzureFunctions.Tests.Triggers;

public sealed class TriggerInputReaderTests
{
    public static TheoryData<object> ByteValues => new()
    {
        "hello",
        Encoding.UTF8.GetBytes("hello"),
        new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes("hello")),
        BinaryData.FromString("hello"),
    };

    [Theory]
    [MemberData(nameof(ByteValues))]
    public void ToBytes_TextAndBinaryArguments_BecomeTheirUtf8Bytes(object value) =>
        Assert.Equal("hello", Encoding.UTF8.GetString(TriggerInputReader.ToBytes(value)!.Value.Span));

    [Fact]
    public void ToBytes_OtherTypes_AreNotGuessed()
    {
        Assert.Null(TriggerInputReader.ToBytes(new { Sku = "abc" }));
        Assert.Null(TriggerInputReader.ToBytes(null));
    }

    [Fact]
    public void ToBatch_TextRecords_BecomeOneEntryEach()
    {
        var batch = TriggerInputReader.ToBatch(new[] { "a", "bc" });

        Assert.Equal(["a", "bc"], batch!.Select(r => Encoding.UTF8.GetString(r.Span)));
    }

    [Fact]
    public void ToBatch_BinaryRecords_BecomeOneEntryEach() =>
        Assert.Equal(2, TriggerInputReader.ToBatch(new List<byte[]> { new byte[] { 1 }, new byte[] { 2, 3 } })?.Count);

    [Fact]
    public void ToBatch_SingleValuesAndObjectLists_AreNotBatches()
    {
        Assert.Null(TriggerInputReader.ToBatch("text"));
        Assert.Null(TriggerInputReader.ToBatch(new byte[] { 1, 2 }));
        Assert.Null(TriggerInputReader.ToBatch(new[] { new { Sku = "abc" } }));
        Assert.Null(TriggerInputReader.ToBatch(null));
    }
}
