namespace ServerlessShield;

/// <summary>How failures are answered, under <c>ServerlessShield:Errors</c>.</summary>
public sealed class ShieldErrorOptions
{
    /// <summary>
    /// Adds the exception's type, message and stack trace (scrubbed) to HTTP error responses. Honoured only when the
    /// environment is Development and the function is not running in the cloud; anywhere else it is refused and
    /// reported at startup (<c>SHIELD4001</c>). Default: false.
    /// </summary>
    public bool DevelopmentMode { get; set; }

    /// <summary>
    /// HTTP statuses for exception types, by simple or full type name; a type's base types are tried too. Added to the
    /// defaults: <c>ValidationException</c> 400, <c>UnauthorizedAccessException</c> 403, <c>AuthenticationException</c> 401,
    /// <c>NotFoundException</c> 404, <c>TimeoutException</c> 504.
    /// </summary>
    public Dictionary<string, int> StatusCodes { get; set; } = new(StringComparer.Ordinal);
}
