using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Salesforce;
using Vouch.Hosting;

namespace Vouch.Cli;

/// <summary><c>vouch salesforce sync</c>: a sync now, in the foreground, as the scheduled one runs.</summary>
public static class SalesforceCommands
{
    public static Command Create(string[] hostArgs)
    {
        var sync = new Command("sync", "Pull what changed in Salesforce since the last sync, then push what is due; waits for the end and prints the counts.");
        sync.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, RunAsync, ct));
        return new Command("salesforce", "Sync with the Salesforce org set in Salesforce:*.") { sync };
    }

    private static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<SalesforceSettings>().IsConfigured)
        {
            return CliHost.Fail(CliHost.InvalidInput, "Salesforce is not connected: set Salesforce:LoginUrl, Salesforce:ClientId and a key or secret.");
        }
        var leases = services.GetRequiredService<JobLeases>();
        var holder = $"cli:{Environment.MachineName}:{Environment.ProcessId}";
        if (!await leases.TryAcquireAsync(SalesforceSyncJob.LeaseName, holder, SalesforceSyncJob.LeaseFor, ct))
        {
            return CliHost.Fail(CliHost.InvalidInput, "A sync is running on a server; its progress is on the Salesforce page.");
        }
        try
        {
            var options = await services.GetRequiredService<VouchDbContext>().Set<SalesforceSync>().AsNoTracking().SingleAsync(ct);
            var started = TimeProvider.System.GetTimestamp();
            var run = await services.GetRequiredService<SalesforceSyncRunner>().RunAsync(
                options, SalesforceTrigger.Manual, null, () => leases.RenewAsync(SalesforceSyncJob.LeaseName, holder, SalesforceSyncJob.LeaseFor, ct), ct);
            var seconds = Math.Max(TimeProvider.System.GetElapsedTime(started).TotalSeconds, 0.001);
            var rows = run.Created + run.Updated + run.Unchanged + run.Rejected;
            Console.WriteLine($"{SalesforceIntegration.Kebab(run.Status.ToString())}: {rows} records pulled ({run.Created} created, {run.Updated} updated, "
                + $"{run.Unchanged} unchanged, {run.Rejected} rejected), {run.Deleted} deleted in Salesforce; {run.ActivitiesPushed} activities and "
                + $"{run.LeadsPushed} leads pushed, {run.PushesFailed} refused; {run.ApiCalls} API calls; {seconds:F1} s ({rows / seconds:F0} records/s).");
            if (run.Error is { } error)
            {
                Console.Error.WriteLine(error);
            }
            return run.Status == SalesforceRunStatus.Completed ? CliHost.Ok : CliHost.InvalidInput;
        }
        finally
        {
            await leases.ReleaseAsync(SalesforceSyncJob.LeaseName, holder, CancellationToken.None);
        }
    }
}
