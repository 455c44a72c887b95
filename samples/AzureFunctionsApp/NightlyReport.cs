using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessShield;

namespace AzureFunctionsApp;

/// <summary>A timer function: a failure is redacted like any other, so logs and alerts carry no secrets.</summary>
public sealed class NightlyReport(ILogger<NightlyReport> logger)
{
    [Function("NightlyReport")]
    [Shield(Profile = ShieldProfile.Strict)]
    public void Run([TimerTrigger("0 0 2 * * *")] TimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        logger.LogInformation("Nightly report; past due: {IsPastDue}", timer.IsPastDue);
    }
}
