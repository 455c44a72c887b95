namespace ServerlessShield.AzureFunctions.Tests.Http;

public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("orders/{id}", new[] { "id" })]
    [InlineData("orders/{id:int}/items/{item:alpha?}", new[] { "id", "item" })]
    [InlineData("files/{*path}", new[] { "path" })]
    [InlineData("files/{**path}", new[] { "path" })]
    [InlineData("v/{version=1}", new[] { "version" })]
    [InlineData("literal/{{braces}}/{id}", new[] { "id" })]
    [InlineData("orders", new string[0])]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    [InlineData("broken/{id", new string[0])]
    public void ParameterNames_OfATemplate(string? template, string[] expected) =>
        Assert.Equal(expected, RouteTemplate.ParameterNames(template));
}
