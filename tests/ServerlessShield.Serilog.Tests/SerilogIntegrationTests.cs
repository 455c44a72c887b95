using System.Text;
using System.Text.Json;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using ServerlessShield.Serilog.Formatting;

namespace ServerlessShield.Serilog.Tests;

public class SerilogIntegrationTests
{
    private const string Canary = "Password=hunter2-canary";

    private static (ShieldEngine Engine, CollectingSink Sink, global::Serilog.Core.Logger Logger) Create()
    {
        var sink = new CollectingSink();
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.WithServerlessShield()
            .Enrich.WithSecretScrubbing()
            .Destructure.WithSecretScrubbing()
            .WriteTo.Sink(sink)
            .CreateLogger();
        var engine = ShieldEngine.Create(new ShieldOptions { RequireOptIn = false }, new SerilogLoggerFactory(logger));
        return (engine, sink, logger);
    }

    private static async Task<ShieldContext> Run(ShieldEngine engine, string json, Func<ShieldContext, ValueTask>? handler = null)
    {
        var context = engine.Rent(engine.Policies.GetPolicy("CreateOrder"));
        context.Platform = ShieldPlatform.AwsLambda;
        context.Source = new EventSourceInfo(EventSourceKind.Http, "apigw-rest");
        context.InvocationId = "inv-42";
        context.TraceId = "1-5f84c7a1-abcdef0123456789abcdef01";
        context.Inputs.Add(new ShieldInput("body", Encoding.UTF8.GetBytes(json), InputFormat.Json));
        context.Handler = handler is null ? null : c => handler(c);
        await engine.RunAsync(context);
        return context;
    }

    [Fact]
    public async Task Enricher_AddsTheInvocationsIdsToLinesTheHandlerWrites()
    {
        var (engine, sink, logger) = Create();

        var context = await Run(engine, "{}", _ => { logger.Information("handling order {OrderId}", 7); return ValueTask.CompletedTask; });

        var line = Assert.Single(sink.Events, e => e.MessageTemplate.Text.StartsWith("handling", StringComparison.Ordinal));
        Assert.Equal(context.CorrelationId, ((ScalarValue)line.Properties[ShieldLogProperties.CorrelationId]).Value);
        Assert.Equal("CreateOrder", ((ScalarValue)line.Properties[ShieldLogProperties.Function]).Value);
        Assert.Equal("inv-42", ((ScalarValue)line.Properties[ShieldLogProperties.InvocationId]).Value);
        engine.Return(context);
    }

    [Fact]
    public void Enricher_OutsideAnInvocation_AddsNothing()
    {
        var (_, sink, logger) = Create();

        logger.Information("startup");

        Assert.DoesNotContain(ShieldLogProperties.CorrelationId, Assert.Single(sink.Events).Properties.Keys);
    }

    [Fact]
    public void SecretScrubbing_CleansStringPropertiesAndDestructuredObjects()
    {
        var (_, sink, logger) = Create();

        logger.Information("connecting with {ConnectionString} to {@Target} after {@Error}",
            $"Server=db;{Canary}", new Uri("https://acct.blob.core.windows.net/c?sig=signaturecanary123"), new InvalidOperationException($"failed: {Canary}"));

        var text = string.Join("|", sink.Events.Select(e => e.RenderMessage()));
        Assert.DoesNotContain("hunter2-canary", text, StringComparison.Ordinal);
        Assert.DoesNotContain("signaturecanary123", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OcsfFormatter_WritesADetectionFinding_WithTheDocumentedMapping()
    {
        var (engine, sink, _) = Create();
        var context = await Run(engine, "{\"file\":\"a\\u0000b\"}");

        var finding = Assert.Single(sink.Events, e => e.Properties.ContainsKey("RuleId") && e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Security finding", StringComparison.Ordinal));
        using var writer = new StringWriter();
        new OcsfSecurityEventFormatter().Format(finding, writer);

        using var doc = JsonDocument.Parse(writer.ToString());
        var root = doc.RootElement;
        Assert.Equal(2004, root.GetProperty("class_uid").GetInt32());
        Assert.Equal(200401, root.GetProperty("type_uid").GetInt32());
        Assert.Equal(2, root.GetProperty("category_uid").GetInt32());
        Assert.Equal(3, root.GetProperty("severity_id").GetInt32());
        Assert.Equal(2, root.GetProperty("action_id").GetInt32());
        Assert.Equal("SHIELD2011", root.GetProperty("metadata").GetProperty("event_code").GetString());
        Assert.Equal(context.CorrelationId, root.GetProperty("metadata").GetProperty("correlation_uid").GetString());
        Assert.Equal("SHIELD2011", root.GetProperty("finding_info").GetProperty("analytic").GetProperty("uid").GetString());
        Assert.Equal("nul-character", root.GetProperty("finding_info").GetProperty("title").GetString());
        Assert.Equal("AWS", root.GetProperty("cloud").GetProperty("provider").GetString());
        Assert.Equal("CreateOrder", root.GetProperty("resources")[0].GetProperty("name").GetString());
        Assert.Equal("body.file", root.GetProperty("evidences")[0].GetProperty("data").GetProperty("field_path").GetString());
        Assert.StartsWith("hmac-sha256:", root.GetProperty("evidences")[0].GetProperty("data").GetProperty("value_hash").GetString(), StringComparison.Ordinal);
        engine.Return(context);
    }

    [Fact]
    public async Task EcsFormatter_WritesAnAlert_AndSkipsOrdinaryLines()
    {
        var (engine, sink, logger) = Create();
        var context = await Run(engine, "{\"file\":\"a\\u0000b\"}");
        logger.Information("ordinary line");

        using var writer = new StringWriter();
        var formatter = new EcsSecurityEventFormatter();
        foreach (var e in sink.Events)
        {
            formatter.Format(e, writer);
        }

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Equal("alert", JsonDocument.Parse(l).RootElement.GetProperty("event").GetProperty("kind").GetString()));
        var finding = lines.Select(l => JsonDocument.Parse(l).RootElement).First(r => r.GetProperty("rule").GetProperty("id").GetString() == "SHIELD2011");
        Assert.Equal("denied", finding.GetProperty("event").GetProperty("type")[0].GetString());
        Assert.Equal("CreateOrder", finding.GetProperty("faas").GetProperty("name").GetString());
        Assert.Equal("inv-42", finding.GetProperty("faas").GetProperty("execution").GetString());
        Assert.Equal("aws", finding.GetProperty("cloud").GetProperty("provider").GetString());
        Assert.Equal("1-5f84c7a1-abcdef0123456789abcdef01", finding.GetProperty("trace").GetProperty("id").GetString());
        Assert.DoesNotContain(lines, l => l.Contains("ordinary line", StringComparison.Ordinal));
        engine.Return(context);
    }
}
