namespace ServerlessShield;

/// <summary>Adds payload limits to a shield pipeline.</summary>
public static class PayloadLimitsPipelineBuilderExtensions
{
    /// <summary>Adds the payload limits middleware (<c>SHIELD2001</c> to <c>SHIELD2003</c>).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <returns>The builder.</returns>
    public static ShieldPipelineBuilder AddPayloadLimits(this ShieldPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(new PayloadLimitsMiddleware());
    }
}
