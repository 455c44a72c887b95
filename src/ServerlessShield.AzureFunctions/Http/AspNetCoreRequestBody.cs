using System.Diagnostics.CodeAnalysis;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions;

// With the ASP.NET Core integration, a function reads the live HttpContext.Request.Body, which is forward-only.
// After the shield has read it, the buffered copy is put back there, so the function still gets the whole body.
// This package has no ASP.NET Core reference: the two public properties are reached by name, and kept for trimming.
internal static class AspNetCoreRequestBody
{
    // The key under which the worker's ASP.NET Core integration stores the HttpContext of an invocation.
    private const string HttpContextItemKey = "HttpRequestContext";
    private const string HttpContextType = "Microsoft.AspNetCore.Http.HttpContext, Microsoft.AspNetCore.Http.Abstractions";
    private const string HttpRequestType = "Microsoft.AspNetCore.Http.HttpRequest, Microsoft.AspNetCore.Http.Abstractions";

    [DynamicDependency("Request", "Microsoft.AspNetCore.Http.HttpContext", "Microsoft.AspNetCore.Http.Abstractions")]
    [DynamicDependency("Body", "Microsoft.AspNetCore.Http.HttpRequest", "Microsoft.AspNetCore.Http.Abstractions")]
    public static bool TryReplace(FunctionContext context, Stream body)
    {
        if (!context.Items.TryGetValue(HttpContextItemKey, out var httpContext) || httpContext is null)
        {
            return false;
        }

        var request = Type.GetType(HttpContextType)?.GetProperty("Request")?.GetValue(httpContext);
        var bodyProperty = Type.GetType(HttpRequestType)?.GetProperty("Body");
        if (request is null || bodyProperty is null || !bodyProperty.CanWrite)
        {
            return false;
        }

        bodyProperty.SetValue(request, body);
        return true;
    }
}
