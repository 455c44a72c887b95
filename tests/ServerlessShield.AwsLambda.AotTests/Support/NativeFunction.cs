using System.Diagnostics;
using System.Text;

namespace ServerlessShield.AwsLambda.AotTests.Support;

// The published native binary, started as Lambda would start a custom runtime's bootstrap.
internal sealed class NativeFunction : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NativeFunction(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static NativeFunction Start(string binary, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(binary)!,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var function = new NativeFunction(new Process { StartInfo = start });
        function._process.OutputDataReceived += (_, e) => function.Append(e.Data);
        function._process.ErrorDataReceived += (_, e) => function.Append(e.Data);
        function._process.Start();
        function._process.BeginOutputReadLine();
        function._process.BeginErrorReadLine();
        return function;
    }

    // SIGTERM, as Lambda sends before a shutdown; the exit code once the process has ended.
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
