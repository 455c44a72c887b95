namespace ServerlessShield.AwsLambda.Tests.Support;

// A LambdaRuntimeHost running against a FakeRuntimeApi for one test; disposing stops it and checks it stopped.
internal sealed class RunningHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();

    private RunningHost(Func<CancellationToken, Task> run) => Task = run(_stop.Token);

    public Task Task { get; }

    public static RunningHost Start(FakeRuntimeApi api, Func<Stream, LambdaRuntimeContext, Task<Stream>> handler, LambdaRuntimeHostOptions? options = null)
    {
        options ??= new LambdaRuntimeHostOptions();
        options.RuntimeApi ??= api.Endpoint;
        return new RunningHost(token => LambdaRuntimeHost.RunAsync(handler, options, token));
    }

    public static RunningHost Start(FakeRuntimeApi api, Func<CancellationToken, Task<Func<Stream, LambdaRuntimeContext, Task<Stream>>>> initialize, LambdaRuntimeHostOptions? options = null)
    {
        options ??= new LambdaRuntimeHostOptions();
        options.RuntimeApi ??= api.Endpoint;
        return new RunningHost(token => LambdaRuntimeHost.RunAsync(initialize, options, token));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Task.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
