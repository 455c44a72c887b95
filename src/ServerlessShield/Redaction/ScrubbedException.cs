namespace ServerlessShield;

/// <summary>
/// Stands in for an exception when it is logged: the same type name, message and stack trace with secrets
/// scrubbed, inner exceptions included. Loggers call <see cref="ToString"/> or read <see cref="Exception.Message"/> and
/// <see cref="StackTrace"/>; all three are scrubbed.
/// </summary>
public sealed class ScrubbedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    /// <summary>Wraps an exception for logging, scrubbed with <see cref="SecretScrubber.Default"/>.</summary>
    /// <param name="original">The exception.</param>
    public ScrubbedException(Exception original)
        : this(original, SecretScrubber.Default)
    {
    }

    /// <summary>Wraps an exception for logging.</summary>
    /// <param name="original">The exception.</param>
    /// <param name="scrubber">The scrubber.</param>
    public ScrubbedException(Exception original, SecretScrubber scrubber)
        : base((scrubber ?? SecretScrubber.Default).Scrub(original?.Message))
    {
        ArgumentNullException.ThrowIfNull(original);
        scrubber ??= SecretScrubber.Default;
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _text = scrubber.Scrub(original.ToString());
        _stackTrace = original.StackTrace is { } stack ? scrubber.Scrub(stack) : null;
        HResult = original.HResult;
    }

    /// <summary>Creates an empty stand-in.</summary>
    public ScrubbedException()
        : this(new InvalidOperationException())
    {
    }

    /// <summary>Creates a stand-in for a message.</summary>
    /// <param name="message">The message, scrubbed.</param>
    public ScrubbedException(string message)
        : this(new InvalidOperationException(message))
    {
    }

    /// <summary>Creates a stand-in for a message and an inner exception.</summary>
    /// <param name="message">The message, scrubbed.</param>
    /// <param name="innerException">The inner exception, scrubbed into the text.</param>
    public ScrubbedException(string message, Exception innerException)
        : this(new InvalidOperationException(message, innerException))
    {
    }

    /// <summary>The full name of the original exception's type.</summary>
    public string OriginalType { get; } = string.Empty;

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    /// <inheritdoc />
    public override string ToString() => _text;
}
