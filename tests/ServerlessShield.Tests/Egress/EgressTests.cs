using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Egress;

// Every client of IHttpClientFactory goes through the egress handler; a loopback server stands in for the world.
public sealed class EgressTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly FakeLogCollector _logs = new();
    private readonly List<SecurityEvent> _events = [];

    public void Dispose() => _server.Dispose();

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        // The cold-start audit and inventory publish from a background thread; keep them out of these assertions.
        settings["ServerlessShield:Audit:Enabled"] = "false";
        settings["ServerlessShield:Inventory:Enabled"] = "false";
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(_logs)));
        services.AddSingleton<ISecurityEventListener>(new Listener(_events));
        services.AddServerlessShieldEgress();
        services.AddHttpClient("named");
        return services.BuildServiceProvider();
    }

    // Runs code inside a shielded invocation of a function, so the egress handler sees which function calls.
    private static async Task InFunctionAsync(ShieldEngine engine, string function, Func<Task> body)
    {
        var context = engine.Rent(engine.Policies.GetPolicy(function));
        try
        {
            context.Source = new EventSourceInfo(EventSourceKind.Queue, "test-queue");
            context.Handler = async _ => await body();
            await engine.RunAsync(context);
            context.Outcome.Error?.Throw();
        }
        finally
        {
            engine.Return(context);
        }
    }

    [Fact]
    public async Task FactoryClients_AllowedHost_RequestGoesOut()
    {
        using var services = Services(new() { ["ServerlessShield:Egress:AllowedHosts:0"] = "127.0.0.1" });
        var factory = services.GetRequiredService<IHttpClientFactory>();

        using var response = await factory.CreateClient("named").GetAsync(_server.Url("/ok"));
        using var defaultResponse = await factory.CreateClient().GetAsync(_server.Url("/ok"));

        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task FactoryClient_HostOutsideAllowlist_RefusedBeforeSendingAndLoggedByHostOnly()
    {
        using var services = Services(new() { ["ServerlessShield:Egress:AllowedHosts:0"] = "*.example.com" });
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("named");

        var error = await Assert.ThrowsAsync<ShieldEgressBlockedException>(() => client.GetAsync(_server.Url("/pay?token=s3cret-value")));

        Assert.Equal("127.0.0.1", error.Host);
        Assert.Equal(0, _server.Requests);
        var line = Assert.Single(_logs.GetSnapshot(), l => l.Id.Id == 107);
        Assert.Equal("EgressNotAllowed", line.Id.Name);
        Assert.Contains("127.0.0.1", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/pay", error.Message, StringComparison.Ordinal);
        var securityEvent = Assert.Single(_events, e => e.RuleId == "SHIELD5201");
        Assert.Equal(FindingAction.Blocked, securityEvent.Action);
        Assert.Equal("127.0.0.1", securityEvent.FieldPath);
    }

    [Fact]
    public async Task MonitorMode_ReportsButLetsTheRequestThrough()
    {
        using var services = Services(new()
        {
            ["ServerlessShield:Egress:AllowedHosts:0"] = "api.example.com",
            ["ServerlessShield:Rules:egress-host-not-allowed"] = "Monitor",
        });

        using var response = await services.GetRequiredService<IHttpClientFactory>().CreateClient().GetAsync(_server.Url("/"));

        Assert.Equal(1, _server.Requests);
        Assert.Equal(FindingAction.Monitored, Assert.Single(_events, e => e.RuleId == "SHIELD5201").Action);
    }

    [Fact]
    public async Task PerFunctionAllowlist_AppliesOnlyToThatFunction()
    {
        using var services = Services(new()
        {
            ["ServerlessShield:RequireOptIn"] = "false",
            ["ServerlessShield:Egress:AllowedHosts:0"] = "api.example.com",
            ["ServerlessShield:Functions:Payments:AllowedHosts:0"] = "127.0.0.1",
        });
        var engine = services.GetRequiredService<ShieldEngine>();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient();

        await InFunctionAsync(engine, "Payments", async () => (await client.GetAsync(_server.Url("/"))).Dispose());
        var error = await Assert.ThrowsAsync<ShieldEgressBlockedException>(() => InFunctionAsync(engine, "Reports", () => client.GetAsync(_server.Url("/"))));

        Assert.Equal(1, _server.Requests);
        Assert.Contains("Reports", error.Message, StringComparison.Ordinal);
        Assert.Equal("Reports", Assert.Single(_events, e => e.RuleId == "SHIELD5201").FunctionName);
    }

    [Fact]
    public async Task NoAllowlist_NothingRefusedButHostsRecorded()
    {
        using var services = Services(new() { ["ServerlessShield:RequireOptIn"] = "false" });
        var engine = services.GetRequiredService<ShieldEngine>();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient();

        await InFunctionAsync(engine, "Orders", async () => (await client.GetAsync(_server.Url("/a?q=1"))).Dispose());
        engine.Dispose();

        var report = Assert.Single(_logs.GetSnapshot(), l => l.Id.Id == 108);
        Assert.Equal("ObservedCapabilities", report.Id.Name);
        Assert.Contains("Orders", report.Message, StringComparison.Ordinal);
        Assert.Contains("[127.0.0.1]", report.Message, StringComparison.Ordinal);
        Assert.Contains("[test-queue]", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("q=1", report.Message, StringComparison.Ordinal);
        var securityEvent = Assert.Single(_events, e => e.RuleId == "SHIELD5202");
        Assert.Equal("127.0.0.1", securityEvent.Properties!["hosts"]);
        Assert.Equal("test-queue", securityEvent.Properties["sources"]);
    }

    [Fact]
    public async Task CapabilityReport_WrittenOnlyWhenSomethingNewWasSeen()
    {
        using var services = Services(new() { ["ServerlessShield:RequireOptIn"] = "false" });
        var engine = services.GetRequiredService<ShieldEngine>();

        await InFunctionAsync(engine, "Orders", () => Task.CompletedTask);
        engine.ReportCapabilities();
        engine.ReportCapabilities();
        await InFunctionAsync(engine, "Orders", () => Task.CompletedTask);
        engine.ReportCapabilities();
        await InFunctionAsync(engine, "Billing", () => Task.CompletedTask);
        engine.Dispose();
        engine.Dispose();

        Assert.Equal(3, _logs.GetSnapshot().Count(l => l.Id.Id == 108)); // Orders; then Billing and Orders at shutdown
    }

    [Fact]
    public void HostAllowlist_WildcardMatchesSubdomainsOnly()
    {
        var allowlist = new HostAllowlist(["*.example.com", "API.partner.net"]);

        Assert.True(allowlist.Allows("a.example.com"));
        Assert.True(allowlist.Allows("x.y.example.com"));
        Assert.True(allowlist.Allows("api.partner.net"));
        Assert.False(allowlist.Allows("example.com"));
        Assert.False(allowlist.Allows("evilexample.com"));
        Assert.False(allowlist.Allows("api.partner.net.evil.org"));
    }

    [Fact]
    public async Task HandWiredClient_WithoutDependencyInjection_Enforced()
    {
        var options = new ShieldOptions();
        options.Egress.AllowedHosts.Add("localhost");
        using var engine = ShieldEngine.Create(options);
        using var client = new HttpClient(new ShieldEgressHandler(engine) { InnerHandler = new SocketsHttpHandler() });

        await Assert.ThrowsAsync<ShieldEgressBlockedException>(() => client.GetAsync(_server.Url("/")));
        Assert.Equal(0, _server.Requests);
    }

    private sealed class Listener(List<SecurityEvent> events) : ISecurityEventListener
    {
        public void OnSecurityEvent(SecurityEvent securityEvent)
        {
            lock (events)
            {
                events.Add(securityEvent);
            }
        }
    }
}
