using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ServerlessShield.AwsLambda.Tests.Support;

// A wrapped test handler: records what it received, answers what the test says, captures the shield's logs.
internal sealed class ShieldedFunction
{
    private readonly Func<string, Task<Stream>> _respond;

    public ShieldedFunction(Func<string, Task<Stream>>? respond = null, LambdaShieldOptions? options = null)
    {
        _respond = respond ?? (_ => Task.FromResult<Stream>(new MemoryStream("{\"ok\":true}"u8.ToArray())));
        Logs = new FakeLogCollector();
        options ??= new LambdaShieldOptions();
        options.LoggerFactory ??= new LoggerFactory([new FakeLoggerProvider(Logs)]);
        Handler = LambdaShield.Wrap<TestLambdaContext>(HandleAsync, TestLambdaContext.Describe, options);
    }

    public Func<Stream, TestLambdaContext, Task<Stream>> Handler { get; }

    public FakeLogCollector Logs { get; }

    public List<string> Received { get; } = [];

    public async Task<string> InvokeAsync(byte[] eventBytes, string requestId = "req-0001")
    {
        var response = await Handler(new MemoryStream(eventBytes), TestLambdaContext.Create(requestId));
        return await Fixtures.ReadAsync(response);
    }

    private async Task<Stream> HandleAsync(Stream input, TestLambdaContext context)
    {
        var text = await Fixtures.ReadAsync(input);
        lock (Received)
        {
            Received.Add(text);
        }

        return await _respond(text);
    }

    public static Func<string, Task<Stream>> Answer(string json) => _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    public static Func<string, Task<Stream>> Throw(Exception exception) => _ => Task.FromException<Stream>(exception);
}
