using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Users;

namespace Vouch.Features.Import;

[RequestSizeLimit(ImportUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUploads.MaxRequestBytes)]
public sealed class IndexModel(ImportUploads uploads, VouchDbContext db) : PageModel
{
    public IReadOnlyList<ImportJob> Recent { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string Kind { get; private set; } = "accounts";
    public string Map { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => Recent = await RecentAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? kind, string? map, List<IFormFile> files, CancellationToken ct)
    {
        var uploaded = files.Select(f => new UploadedFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        var started = await uploads.StartAsync(kind, uploaded, (map ?? "").Split('\n'), User.UserId(), ct);
        if (started.Succeeded)
        {
            return Redirect($"/import/{started.Value.Id}");
        }
        (Errors, Kind, Map) = (started.Refusal.Errors ?? new Dictionary<string, string[]>(), kind ?? "accounts", map ?? "");
        Recent = await RecentAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<List<ImportJob>> RecentAsync(CancellationToken ct) =>
        await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(10).ToListAsync(ct);
}
