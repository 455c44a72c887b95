using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace ServerlessShield.FluentValidation.Tests;

public sealed record Order(string? OrderId, string? Email, int Quantity);

public sealed class OrderValidator : AbstractValidator<Order>
{
    public OrderValidator()
    {
        RuleFor(o => o.OrderId).NotEmpty();
        RuleFor(o => o.Email).EmailAddress();
        RuleFor(o => o.Quantity).InclusiveBetween(1, 100);
    }
}

[JsonSerializable(typeof(Order))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
public sealed partial class TestJsonContext : JsonSerializerContext;

public class FluentValidationMiddlewareTests
{
    private const string Valid = "{\"orderId\":\"o-1\",\"email\":\"a@example.com\",\"quantity\":2}";
    private const string Invalid = "{\"orderId\":\"\",\"email\":\"not-an-email-canary\",\"quantity\":500}";

    private static async Task<(ShieldContext Context, ShieldEngine Engine, bool HandlerRan)> Run(
        Action<ShieldPipelineBuilder> pipeline, ShieldAttribute? attribute, params ShieldInput[] inputs)
    {
        var engine = ShieldEngine.Create(new ShieldOptions { RequireOptIn = false }, configurePipeline: pipeline);
        var context = engine.Rent(engine.Policies.GetPolicy("CreateOrder", () => attribute));
        var ran = false;
        context.Handler = _ => { ran = true; return ValueTask.CompletedTask; };
        foreach (var input in inputs)
        {
            context.Inputs.Add(input);
        }

        await engine.RunAsync(context);
        return (context, engine, ran);
    }

    private static ShieldInput Metadata(string path, string value, InputFormat format) => ShieldInput.FromString(path, value, format) with { IsMetadata = true };

    private static ShieldInput Body(string json, string path = "body", string? item = null) => new(path, Encoding.UTF8.GetBytes(json), InputFormat.Json, item);

    [Fact]
    public async Task AttributeNamedValidator_ValidPayload_ReachesTheHandler()
    {
#pragma warning disable IL2026, IL3050 // The reflection path is what this test covers.
        var (context, engine, ran) = await Run(p => p.AddFluentValidation(), new ShieldAttribute { Validator = typeof(OrderValidator) }, Body(Valid));
#pragma warning restore IL2026, IL3050

        Assert.True(ran);
        Assert.Equal(ShieldOutcomeKind.Allowed, context.Outcome.Kind);
        engine.Return(context);
    }

    [Fact]
    public async Task InvalidPayload_Answers422_WithFieldNamesAndCodes_NeverValues()
    {
#pragma warning disable IL2026, IL3050
        var (context, engine, ran) = await Run(p => p.AddFluentValidation(), new ShieldAttribute { Validator = typeof(OrderValidator) }, Body(Invalid));
#pragma warning restore IL2026, IL3050

        Assert.False(ran);
        Assert.Equal(ShieldRules.ValidationFailed, context.Outcome.Rule);
        var response = engine.CreateErrorResponse(context);
        Assert.Equal(422, response.StatusCode);
        using var doc = JsonDocument.Parse(response.Body);
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [("body.OrderId", "NotEmptyValidator"), ("body.Email", "EmailValidator"), ("body.Quantity", "InclusiveBetweenValidator")],
            errors);
        Assert.DoesNotContain("canary", response.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("500", response.BodyText.Replace("\"status\":422", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        engine.Return(context);
    }

    [Fact]
    public async Task CodeRegisteredValidator_WithSourceGeneratedMetadata_NeedsNoAttribute()
    {
        var (context, engine, ran) = await Run(
            p => p.AddFluentValidation(v => v.Add("CreateOrder", new OrderValidator(), TestJsonContext.Default.Order)),
            attribute: null,
            Body(Invalid));

        Assert.False(ran);
        Assert.Equal(3, context.Findings.Count(f => f.Rule == ShieldRules.ValidationFailed));
        engine.Return(context);
    }

    [Fact]
    public async Task FunctionWithoutValidator_IsNotValidated()
    {
        var (context, engine, ran) = await Run(
            p => p.AddFluentValidation(v => v.Add("OtherFunction", new OrderValidator(), TestJsonContext.Default.Order)),
            attribute: null,
            Body(Invalid));

        Assert.True(ran);
        engine.Return(context);
    }

    [Fact]
    public async Task InvalidBatchRecord_IsRejectedAlone()
    {
        var (context, engine, ran) = await Run(
            p => p.AddFluentValidation(v => v.Add("CreateOrder", new OrderValidator(), TestJsonContext.Default.Order)),
            attribute: null,
            Body(Valid, "Records[0].body", "m-0"),
            Body(Invalid, "Records[1].body", "m-1"));

        Assert.True(ran);
        Assert.Equal(["m-1"], context.RejectedItemIds);
        engine.Return(context);
    }

    // Query values, headers, the path and message properties travel beside the body as metadata: only the body is the payload.
    [Fact]
    public async Task RequestMetadataBesideAValidBody_IsNotValidatedAsThePayload()
    {
        var (context, engine, ran) = await Run(
            p => p.AddFluentValidation(v => v.Add("CreateOrder", new OrderValidator(), TestJsonContext.Default.Order)),
            attribute: null,
            Body(Valid),
            Metadata("path", "orders/o-1", InputFormat.Text),
            Metadata("query.expand", "items", InputFormat.Text),
            Metadata("headers.User-Agent", "Mozilla/5.0 (X11; Linux x86_64)", InputFormat.Text),
            Metadata("message.properties", "{\"tenant\":\"contoso\"}", InputFormat.Json));

        Assert.True(ran);
        Assert.Empty(context.Findings);
        engine.Return(context);
    }

    // A body sent as a form to a function that takes JSON is still its payload, and fails as one.
    [Fact]
    public async Task FormBodyToAJsonValidatedFunction_FailsAsAPayload()
    {
        var (context, engine, ran) = await Run(
            p => p.AddFluentValidation(v => v.Add("CreateOrder", new OrderValidator(), TestJsonContext.Default.Order)),
            attribute: null,
            new ShieldInput("body", Encoding.UTF8.GetBytes("orderId=o-1&quantity=500"), InputFormat.FormUrlEncoded));

        Assert.False(ran);
        Assert.Equal("PayloadNotDeserializable", Assert.Single(context.Findings).Code);
        engine.Return(context);
    }

    [Fact]
    public async Task PayloadOfTheWrongShape_IsAFailureNotACrash()
    {
        var (context, engine, _) = await Run(
            p => p.AddFluentValidation(v => v.Add("CreateOrder", new OrderValidator(), TestJsonContext.Default.Order)),
            attribute: null,
            Body("[1,2,3]"));

        var finding = Assert.Single(context.Findings);
        Assert.Equal("PayloadNotDeserializable", finding.Code);
        engine.Return(context);
    }
}
