using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessShield.AwsLambda.Tests.Support;

// A loopback HTTP server that records every request and answers with a fixed status: stands in for the pre-signed
// S3 URL a CloudFormation custom resource answers on.
internal sealed class RecordingHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public RecordingHttpServer(HttpStatusCode status = HttpStatusCode.OK)
    {
        Status = status;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public HttpStatusCode Status { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.ContentType, body));
            context.Response.StatusCode = (int)Status;
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }
}
