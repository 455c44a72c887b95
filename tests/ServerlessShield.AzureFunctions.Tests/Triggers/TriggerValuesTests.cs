using System.Text;

namespace ServerlessShield.AzureFunctions.Tests.Triggers;

public sealed class TriggerValuesTests
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
        Assert.Equal("hello", Encoding.UTF8.GetString(TriggerValues.ToBytes(value)!.Value.Span));

    [Fact]
    public void ToBytes_OtherTypes_AreNotGuessed()
    {
        Assert.Null(TriggerValues.ToBytes(new { Sku = "abc" }));
        Assert.Null(TriggerValues.ToBytes(null));
    }

    [Fact]
    public void ToBatch_TextRecords_BecomeOneEntryEach()
    {
        var batch = TriggerValues.ToBatch(new[] { "a", "bc" });

        Assert.Equal(["a", "bc"], batch!.Select(r => Encoding.UTF8.GetString(r.Span)));
    }

    [Fact]
    public void ToBatch_BinaryRecords_BecomeOneEntryEach() =>
        Assert.Equal(2, TriggerValues.ToBatch(new List<byte[]> { new byte[] { 1 }, new byte[] { 2, 3 } })?.Count);

    [Fact]
    public void ToBatch_SingleValuesAndObjectLists_AreNotBatches()
    {
        Assert.Null(TriggerValues.ToBatch("text"));
        Assert.Null(TriggerValues.ToBatch(new byte[] { 1, 2 }));
        Assert.Null(TriggerValues.ToBatch(new[] { new { Sku = "abc" } }));
        Assert.Null(TriggerValues.ToBatch(null));
    }

    [Fact]
    public void ToData_SeekableStream_IsReadUpToOnePastTheLimitAndRewound()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("0123456789"));
        stream.Position = 2;

        var data = TriggerValues.ToData(stream, maxPayloadBytes: 4);

        Assert.Equal("23456", Encoding.UTF8.GetString(data.Single!.Value.Span));
        Assert.Equal(2, stream.Position);
    }

    [Fact]
    public void ToData_ForwardOnlyStream_IsNotRead()
    {
        using var stream = new ForwardOnlyStream();

        Assert.True(TriggerValues.ToData(stream, 100).IsNone);
    }

    [Fact]
    public void ToData_ModelBindingData_CarriesNoContent() =>
        Assert.True(TriggerValues.ToData(new ReferenceOnly(), 100).IsNone);

    private sealed class ForwardOnlyStream() : MemoryStream([1, 2, 3])
    {
        public override bool CanSeek => false;
    }

    private sealed class ReferenceOnly : Microsoft.Azure.Functions.Worker.Core.ModelBindingData
    {
        public override string Version => "1.0";

        public override string Source => "AzureStorageBlobs";

        public override BinaryData Content => BinaryData.FromString("{\"BlobName\":\"a\"}");

        public override string ContentType => "application/json";
    }
}
