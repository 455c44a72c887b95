using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions.TestApp;

public static class TimerFunctions
{
    [Function("Nightly")]
    [Shield]
    public static void Nightly([TimerTrigger("0 0 2 * * *")] TimerInfo timer)
    {
    }
}
