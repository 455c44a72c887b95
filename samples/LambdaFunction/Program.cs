using System.Runtime.InteropServices;
using LambdaFunction;
using ServerlessShield;

// Lambda custom runtime (provided.al2023) and Native AOT entry point: the shield's Runtime API host runs the shielded
// handler. Locally, `dotnet run --project samples/LambdaFunction -- --event events/apigw-rest.json` feeds one event.
if (args is ["--event", var path])
{
    return await RunOnceAsync(path);
}

// Lambda sends SIGTERM before shutting down when extensions are registered: answer the invocation in flight, then stop.
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});
await LambdaRuntimeHost.RunAsync(Function.Handler, stop.Token);
return 0;

static async Task<int> RunOnceAsync(string path)
{
    await using var input = File.OpenRead(path);
    var context = new LambdaRuntimeContext { AwsRequestId = Guid.NewGuid().ToString(), FunctionName = "sample-function" };
    try
    {
        using var response = await Function.Handler(input, context);
        using var reader = new StreamReader(response);
        Console.WriteLine(await reader.ReadToEndAsync());
        return 0;
    }
    catch (ShieldedInvocationException ex)
    {
        // What Lambda would report: a code and a correlation id, nothing else.
        Console.WriteLine(ex.Message);
        return 1;
    }
}
