using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Ideas;

/// <summary>The board's likely duplicates, grouped, for a manager to review and merge in one place.</summary>
[Authorize(Policy = IdeasModule.ManageIdeas)]
public sealed class DuplicatesModel(IdeaQueries queries, IdeaExchange exchange, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<DuplicateCluster> Clusters { get; private set; } = [];
    public bool OnEmployeeBoard { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? board, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var on = (await Viewer.OfAsync(user)).BoardOf(board, errors);
        if (!errors.IsEmpty)
        {
            return BadRequest();
        }
        OnEmployeeBoard = on == IdeaBoard.Employee;
        Clusters = await queries.DuplicateClustersAsync(on, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid intoId, string? board, CancellationToken ct)
    {
        var refusal = (await exchange.MergeAsync(await Viewer.OfAsync(user), id, new MergeRequest(intoId), ct)).Refusal;
        if (refusal is not null)
        {
            Error = refusal.Message;
            return await OnGetAsync(board, ct);
        }
        TempData["Notice"] = text["Merged: its votes now count for the original."].Value;
        return Redirect(BoardLink(board));
    }

    private static string BoardLink(string? board) =>
        string.Equals(board, nameof(IdeaBoard.Employee), StringComparison.OrdinalIgnoreCase) ? "/ideas/duplicates?board=employee" : "/ideas/duplicates";
}
