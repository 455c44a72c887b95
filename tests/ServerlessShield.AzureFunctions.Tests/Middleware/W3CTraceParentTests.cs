namespace ServerlessShield.AzureFunctions.Tests.Middleware;

public sealed class W3CTraceParentTests
{
    [Fact]
    public void TraceIdOf_ValidTraceParent_ReturnsTheTraceId() =>
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", W3CTraceParent.TraceIdOf("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a trace parent")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319z-b7ad6b7169203331-01")]
    [InlineData("00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")]
    public void TraceIdOf_Malformed_ReturnsNull(string? traceParent) =>
        Assert.Null(W3CTraceParent.TraceIdOf(traceParent));
}
