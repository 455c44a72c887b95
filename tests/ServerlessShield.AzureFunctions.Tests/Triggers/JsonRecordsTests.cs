using System.Text;

namespace ServerlessShield.AzureFunctions.Tests.Triggers;

public sealed class JsonRecordsTests
{
    [Fact]
    public void TrySplit_Array_ReturnsEachElementAsASliceOfTheSameBytes()
    {
        var json = Encoding.UTF8.GetBytes(" [ {\"a\":[1,{\"b\":2}]}, \"text\", 3, null ] ");

        var records = JsonRecords.TrySplit(json, maxDepth: 64);

        Assert.Equal(["{\"a\":[1,{\"b\":2}]}", "\"text\"", "3", "null"], records!.Select(r => Encoding.UTF8.GetString(r.Span)));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(records![0], out var segment) && segment.Array == json);
    }

    [Fact]
    public void TrySplit_EmptyArray_HasNoRecords() =>
        Assert.Empty(JsonRecords.TrySplit("[]"u8.ToArray(), 64)!);

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2")]
    [InlineData("[1,2] trailing")]
    [InlineData("not json")]
    [InlineData("")]
    public void TrySplit_NotOneValidArray_ReturnsNullSoTheWholeInputIsInspected(string json) =>
        Assert.Null(JsonRecords.TrySplit(Encoding.UTF8.GetBytes(json), 64));

    [Fact]
    public void TrySplit_ElementDeeperThanTheLimit_ReturnsNullSoTheInspectorReportsTheDepth() =>
        Assert.Null(JsonRecords.TrySplit(Encoding.UTF8.GetBytes("[" + new string('[', 10) + new string(']', 10) + "]"), maxDepth: 4));
}
