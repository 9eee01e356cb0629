using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Content;

/// <summary>One content asset: read it, download or follow it, record a use; managers also change its approval.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(ContentLibrary library, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
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
        var used = await library.RecordUseAsync(id, ct);
        return await AfterAsync(id, used.Refusal, used.Succeeded ? Recorded(used.Value) : null, ct);
    }

    public async Task<IActionResult> OnPostStateAsync(Guid id, string? state, DateOnly? approvedUntil, Guid? version, CancellationToken ct)
    {
        var reader = await ContentReader.OfAsync(user);
        if (!reader.IsManager)
        {
            return Forbid();
        }
        var moved = await library.SetStateAsync(reader, id, new ContentStateInput(state, null, approvedUntil, version), ct);
        return await AfterAsync(id, moved.Refusal, text["The approval state was changed."], ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var deleted = await library.DeleteAsync(id, ct);
        if (!deleted.Succeeded)
        {
            return await AfterAsync(id, deleted.Refusal, null, ct);
        }
        TempData["Notice"] = text["The content was deleted."].Value;
        return Redirect("/content");
    }

    private string Recorded(ContentUseResponse use) =>
        use.UseLimit is { } limit
            ? text["A use was recorded: used {0} of {1} times.", use.UseCount, limit]
            : text["A use was recorded: used {0} times.", use.UseCount];

    private async Task<IActionResult> AfterAsync(Guid id, Refusal? refusal, string? notice, CancellationToken ct)
    {
        if (refusal is null)
        {
            TempData["Notice"] = notice;
            return Redirect($"/content/{id}");
        }
        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Error = refusal.Message;
        var page = await ShowAsync(id, ct);
        Response.StatusCode = refusal.Kind.StatusCode();
        return page;
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        Reader = await ContentReader.OfAsync(user);
        if (await library.FindAsync(Reader, id, ct) is not { } content)
        {
            return NotFound();
        }
        Asset = content;
        return Page();
    }
}
