using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions.TestApp;

/// <summary>Functions of the ASP.NET Core integration model; only the ASP.NET Core fixture invokes them.</summary>
public static class AspNetCoreFunctions
{
    [Function("AspNetEcho")]
    [Shield(MaxPayloadBytes = 64)]
    public static async Task<IActionResult> AspNetEcho([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req)
    {
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync();
        return new ContentResult { Content = "echo:" + body, ContentType = "text/plain", StatusCode = 200 };
    }

    [Function("AspNetBoom")]
    [Shield]
    public static IActionResult AspNetBoom([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req) =>
        throw new InvalidOperationException("Could not connect: " + HttpFunctions.Secret);

    [Function("AspNetMultiOutput")]
    [Shield(MaxPayloadBytes = 64)]
    public static async Task<AspNetMultiOutputResult> AspNetMultiOutput([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req)
    {
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync();
        if (body == "fail")
        {
            throw new InvalidOperationException("Could not connect: " + HttpFunctions.Secret);
        }

        return new AspNetMultiOutputResult { Message = body, Http = new ContentResult { Content = "multi:" + body, ContentType = "text/plain", StatusCode = 200 } };
    }

    [Function("AspNetStartedThenBoom")]
    [Shield]
    public static async Task<IActionResult> AspNetStartedThenBoom([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest req)
    {
        await req.HttpContext.Response.WriteAsync("partial");
        await req.HttpContext.Response.Body.FlushAsync();
        throw new InvalidOperationException("Could not connect: " + HttpFunctions.Secret);
    }
}

public sealed class AspNetMultiOutputResult
{
    [QueueOutput("aspnet-out-queue")]
    public string? Message { get; set; }

    [HttpResult]
    public required IActionResult Http { get; set; }
}
