using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

using Refusal = Vouch.Features.Ideas.Refusal;

namespace Vouch.Features.Content;

/// <summary>One content asset: read it, download or follow it, record a use; managers also change its approval.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(ContentLibrary library) : PageModel
{
    public ContentResponse Asset { get; private set; } = null!;
    public ContentReader Reader { get; private set; } = null!;
    public string? Error { get; private set; }

    public ApprovalState State => Enum.Parse<ApprovalState>(Asset.State);

    /// <summary>Whether "record a use" is offered: approved, not expired, and under its limit.</summary>
    public bool CanBeUsed => ContentRules.RefuseUse(State, Asset.UseCount, Asset.UseLimit) is null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostUseAsync(Guid id, CancellationToken ct)
    {
        var (use, refusal) = await library.RecordUseAsync(id, ct);
        return await AfterAsync(id, refusal, use is null ? null : $"A use was recorded: {Uses(use)}.", ct);
    }

    public async Task<IActionResult> OnPostStateAsync(Guid id, string? state, DateOnly? approvedUntil, Guid? version, CancellationToken ct)
    {
        if (!ContentReader.Of(User).IsManager)
        {
            return Forbid();
        }
        var (_, refusal) = await library.SetStateAsync(ContentReader.Of(User), id, new ContentStateInput(state, null, approvedUntil, version), ct);
        return await AfterAsync(id, refusal, "The approval state was changed.", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!ContentReader.Of(User).IsManager)
        {
            return Forbid();
        }
        if (await library.DeleteAsync(id, ct) is { } refusal)
        {
            return await AfterAsync(id, refusal, null, ct);
        }
        TempData["Notice"] = "The content was deleted.";
        return Redirect("/content");
    }

    private static string Uses(ContentUseResponse use) =>
        use.UseLimit is { } limit ? $"used {use.UseCount} of {limit} times" : $"used {use.UseCount} times";

    private async Task<IActionResult> AfterAsync(Guid id, Refusal? refusal, string? notice, CancellationToken ct)
    {
        if (refusal is null)
        {
            TempData["Notice"] = notice;
            return Redirect($"/content/{id}");
        }
        if (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        Error = refusal.Message;
        var page = await ShowAsync(id, ct);
        Response.StatusCode = refusal.Status == StatusCodes.Status409Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        Reader = ContentReader.Of(User);
        if (await library.FindAsync(Reader, id, ct) is not { } content)
        {
            return NotFound();
        }
        Asset = content;
        return Page();
    }
}
