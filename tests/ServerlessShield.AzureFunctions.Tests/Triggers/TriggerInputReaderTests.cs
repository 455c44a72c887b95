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
}
