using System.Text;

namespace ServerlessShield.AzureFunctions.Tests.Triggers;

public sealed class EventGridEventTests
{
    [Fact]
    public void TryRead_EventGridSchema_ReadsIdTypeAndDataAsJson()
    {
        Assert.True(EventGridEvent.TryRead(Bytes("{\"id\":\"e1\",\"eventType\":\"Orders.Created\",\"subject\":\"s\",\"data\":{\"n\":1},\"dataVersion\":\"1\"}"), out var e));

        Assert.Equal("e1", e.Id);
        Assert.Equal("Orders.Created", e.Type);
        Assert.Equal("{\"n\":1}", Text(e.Data));
        Assert.Equal(InputFormat.Json, e.DataFormat);
        Assert.Equal("data", e.DataProperty);
    }

    [Fact]
    public void TryRead_CloudEventWithBase64Data_DecodesIt()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("hello"));

        Assert.True(EventGridEvent.TryRead(Bytes($"{{\"specversion\":\"1.0\",\"id\":\"c1\",\"type\":\"t\",\"source\":\"/s\",\"data_base64\":\"{base64}\"}}"), out var e));

        Assert.Equal("hello", Text(e.Data));
        Assert.Equal("data_base64", e.DataProperty);
    }

    [Fact]
    public void TryRead_StringData_IsTheUnescapedText()
    {
        Assert.True(EventGridEvent.TryRead(Bytes("{\"id\":\"c1\",\"data\":\"a\\u003cb\"}"), out var e));

        Assert.Equal("a<b", Text(e.Data));
        Assert.Equal(InputFormat.Auto, e.DataFormat);
    }

    [Fact]
    public void TryRead_EscapedPropertyName_IsStillTheData()
    {
        Assert.True(EventGridEvent.TryRead(Bytes("{\"id\":\"e\",\"d\\u0061ta\":{\"x\":1}}"), out var e));

        Assert.Equal("{\"x\":1}", Text(e.Data));
    }

    [Theory]
    [InlineData("{\"id\":\"e\",\"data\":{\"a\":1},\"data\":{\"b\":2}}")]
    [InlineData("{\"id\":\"e\",\"data\":\"x\",\"data_base64\":\"eA==\"}")]
    [InlineData("[{\"id\":\"e\"}]")]
    [InlineData("{\"id\":")]
    public void TryRead_AmbiguousOrNotAnEvent_ReturnsFalseSoTheWholeEventIsInspected(string json) =>
        Assert.False(EventGridEvent.TryRead(Bytes(json), out _));

    [Fact]
    public void ValidationCode_OfASubscriptionValidationEvent_IsRead()
    {
        Assert.True(EventGridEvent.TryRead(Bytes("{\"id\":\"v\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"data\":{\"validationUrl\":\"u\",\"validationCode\":\"CODE-1\"}}"), out var e));

        Assert.True(e.IsSubscriptionValidation);
        Assert.Equal("CODE-1", e.ValidationCode());
    }

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    private static string Text(ReadOnlyMemory<byte>? data) => Encoding.UTF8.GetString(data!.Value.Span);
}
