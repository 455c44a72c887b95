namespace ServerlessShield;

/// <summary>Adds exception redaction to a shield pipeline.</summary>
public static class ExceptionRedactionPipelineBuilderExtensions
{
    /// <summary>Adds the exception redaction middleware (<c>SHIELD3001</c>, <c>SHIELD3002</c>).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The error options; null uses the defaults.</param>
    /// <returns>The builder.</returns>
    public static ShieldPipelineBuilder AddExceptionRedaction(this ShieldPipelineBuilder builder, ShieldErrorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(new ExceptionRedactionMiddleware(options ?? new ShieldErrorOptions()));
    }
}
