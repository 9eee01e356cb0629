using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Import;

/// <summary>The imports waiting to run, by job id.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(Guid jobId, CancellationToken ct = default) => _jobs.Writer.WriteAsync(jobId, ct);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _jobs.Reader.ReadAllAsync(ct);
}

/// <summary>
/// Runs the queued imports one at a time in the background, writing their progress to the job after every batch so
/// that the import page (on any request) shows how far it has come.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeAsync(stoppingToken);
        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(jobId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed import must not stop the imports queued after it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Import {JobId} failed", jobId);
                await FinishAsync(jobId, job => (job.Status, job.Error) = (ImportStatus.Failed, "The import stopped on an unexpected error; rows saved before it are kept. Import the files again to finish: saved rows will be unchanged."), CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// After a restart: queued imports run again; one that was running when the server stopped is failed, since its
    /// rows up to the last saved batch are kept and importing the files again finishes it.
    /// </summary>
    private async Task ResumeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            return;
        }
        await db.ImportJobs.Where(j => j.Status == ImportStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Failed)
            .SetProperty(j => j.Error, "The server stopped during the import; rows saved before it are kept. Import the files again to finish."), ct);
        foreach (var id in await db.ImportJobs.Where(j => j.Status == ImportStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(ct))
        {
            await queue.EnqueueAsync(id, ct);
        }
    }

    private async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<VouchDbContext>();
        var uploads = services.GetRequiredService<ImportUploads>();
        var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status != ImportStatus.Queued)
        {
            return;
        }
        var startedBy = await db.Users.Where(u => u.Id == job.StartedById).Select(u => u.Email).SingleOrDefaultAsync(ct);
        services.GetRequiredService<AuditActor>().Set(job.StartedById, startedBy ?? "import");
        job.Status = ImportStatus.Running;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var (mapping, _) = ColumnMapping.Parse(job.Mapping.Split('\n'), job.Kind);
        try
        {
            var importer = services.GetRequiredService<Importer>();
            // The audit and the rejections name the job, so the import's page finds what it changed and refused.
            importer.ImportId = jobId;
            var report = await importer.RunAsync(
                uploads.FilesOf(job), mapping, job.Kind == ImportKind.Salesforce,
                progress => db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.CurrentFile, progress.File)
                    .SetProperty(j => j.RowsDone, progress.RowsDone)
                    .SetProperty(j => j.RowsTotal, progress.RowsTotal)
                    .SetProperty(j => j.RowsPerSecond, progress.Pace.RowsPerSecond)
                    .SetProperty(j => j.Created, progress.Report.Created)
                    .SetProperty(j => j.Updated, progress.Report.Updated)
                    .SetProperty(j => j.Unchanged, progress.Report.Unchanged)
                    .SetProperty(j => j.Rejected, progress.Report.Rejected), ct),
                ct);
            await FinishAsync(jobId, done =>
            {
                done.Status = ImportStatus.Completed;
                (done.Created, done.Updated, done.Unchanged, done.Rejected) = (report.Created, report.Updated, report.Unchanged, report.Rejected);
            }, ct);
        }
        catch (InvalidDataException e)
        {
            await FinishAsync(jobId, failed => (failed.Status, failed.Error) = (ImportStatus.Failed, e.Message), ct);
        }
        finally
        {
            if (Directory.Exists(uploads.FolderOf(jobId)))
            {
                Directory.Delete(uploads.FolderOf(jobId), recursive: true);
            }
        }
    }

    private async Task FinishAsync(Guid jobId, Action<ImportJob> finish, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
        if (await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct) is { } job)
        {
            finish(job);
            job.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
    }
}

public static class ImportServices
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddScoped<Importer>();
        services.AddScoped<ImportUploads>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
