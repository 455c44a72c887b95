using System.Text.Json;

namespace ServerlessShield;

/// <summary>
/// A generic RFC 9457 <c>application/problem+json</c> response for a blocked or failed HTTP invocation: status,
/// title and correlation id, with headers that keep it out of caches and sniffers. Adapters copy it into the
/// platform's response type. It carries no message, no rule detail and no stack trace.
/// </summary>
public sealed class ShieldErrorResponse
{
    private ShieldErrorResponse(int statusCode, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        StatusCode = statusCode;
        Body = body;
        Headers = headers;
    }

    /// <summary>The media type of the body.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The UTF-8 JSON body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The headers to set, including <c>Content-Type</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body as a string.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body.Span);

    /// <summary>Creates the response for an invocation's outcome.</summary>
    /// <param name="context">The blocked or failed invocation.</param>
    /// <returns>The response.</returns>
    public static ShieldErrorResponse From(ShieldContext context) => From(context, includeDetails: false);

    /// <summary>Creates the response for an invocation's outcome, with the scrubbed exception as <c>detail</c> when asked.</summary>
    /// <param name="context">The blocked or failed invocation.</param>
    /// <param name="includeDetails">Whether to add the exception (only ever true in local development; see <see cref="ShieldEnvironment.AllowsErrorDetails"/>).</param>
    /// <returns>The response.</returns>
    public static ShieldErrorResponse From(ShieldContext context, bool includeDetails)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Outcome.StatusCode is >= 400 and <= 599 ? context.Outcome.StatusCode : 500;
        var detail = includeDetails && context.Outcome.Error is { } error
            ? new ScrubbedException(error.SourceException).ToString()
            : null;
        return Create(status, context.CorrelationId, detail, context.Outcome.Rule == ShieldRules.ValidationFailed ? ValidationErrors(context) : null);
    }

    // Field paths and rule codes of the validation failures, never the values.
    private static List<(string Field, string? Code)> ValidationErrors(ShieldContext context)
    {
        var errors = new List<(string Field, string? Code)>();
        foreach (var finding in context.Findings)
        {
            if (finding.Rule == ShieldRules.ValidationFailed)
            {
                errors.Add((finding.FieldPath, finding.Code));
            }
        }

        return errors;
    }

    /// <summary>Creates a response for a status and correlation id.</summary>
    /// <param name="statusCode">The HTTP status, 400 to 599.</param>
    /// <param name="correlationId">The correlation id.</param>
    /// <returns>The response.</returns>
    public static ShieldErrorResponse Create(int statusCode, string correlationId) => Create(statusCode, correlationId, null, null);

    private static ShieldErrorResponse Create(int statusCode, string correlationId, string? detail, List<(string Field, string? Code)>? errors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeFor(statusCode));
            writer.WriteString("title", TitleFor(statusCode));
            writer.WriteNumber("status", statusCode);
            writer.WriteString("correlationId", correlationId);
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            if (errors is not null)
            {
                // Field names and rule codes only: the submitted values never come back.
                writer.WriteStartArray("errors");
                foreach (var (field, code) in errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", field);
                    writer.WriteString("code", code);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return new ShieldErrorResponse(statusCode, buffer.ToArray(),
        [
            new("Content-Type", ContentType),
            new("Cache-Control", "no-store"),
            new("X-Content-Type-Options", "nosniff"),
            new("X-Correlation-Id", correlationId),
        ]);
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        504 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.5",
        _ when status >= 500 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
        _ => "about:blank",
    };

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ when status >= 500 => "Internal Server Error",
        _ => "Bad Request",
    };
}
