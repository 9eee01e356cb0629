using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Ideas;

/// <summary>One idea: read, vote, follow and discuss it; managers also set its status, merge it and hide it or its comments.</summary>
[Authorize(Policy = IdeasModule.PostIdeas)]
public sealed class DetailsModel(IdeaQueries queries, IdeaExchange exchange, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public IdeaResponse Idea { get; private set; } = null!;
    public Viewer Viewer { get; private set; } = null!;

    /// <summary>For the merge form: the ideas most like this one.</summary>
    public IReadOnlyList<SimilarIdea> MergeCandidates { get; private set; } = [];
    public string? Error { get; private set; }
    public string? CommentText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostVoteAsync(Guid id, string? returnUrl, CancellationToken ct) =>
        await AfterAsync(id, (await exchange.VoteAsync(await Viewer.OfAsync(user), id, ct)).Refusal, returnUrl, null, ct);

    public async Task<IActionResult> OnPostUnvoteAsync(Guid id, string? returnUrl, CancellationToken ct) =>
        await AfterAsync(id, (await exchange.UnvoteAsync(await Viewer.OfAsync(user), id, ct)).Refusal, returnUrl, null, ct);

    public async Task<IActionResult> OnPostFollowAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await exchange.FollowAsync(await Viewer.OfAsync(user), id, true, ct)).Refusal, null, text["You follow this idea now."], ct);

    public async Task<IActionResult> OnPostUnfollowAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await exchange.FollowAsync(await Viewer.OfAsync(user), id, false, ct)).Refusal, null, text["You no longer follow this idea."], ct);

    public async Task<IActionResult> OnPostCommentAsync(Guid id, string? text, CancellationToken ct)
    {
        CommentText = text;
        return await AfterAsync(id, (await exchange.CommentAsync(await Viewer.OfAsync(user), id, new CommentRequest(text), ct)).Refusal, null, null, ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, string? response, CancellationToken ct) =>
        await ManageAsync(id, viewer => exchange.SetStatusAsync(viewer, id, new StatusRequest(status, response), ct), text["The status was changed and followers were told."], ct);

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid? intoId, CancellationToken ct) =>
        await ManageAsync(id, viewer => exchange.MergeAsync(viewer, id, new MergeRequest(intoId), ct), text["The idea was merged; its votes now count for the original."], ct);

    public async Task<IActionResult> OnPostUndoMergeAsync(Guid id, CancellationToken ct) =>
        await ManageAsync(id, viewer => exchange.UndoMergeAsync(viewer, id, ct), text["The merge was undone."], ct);

    public async Task<IActionResult> OnPostHideAsync(Guid id, string? reason, CancellationToken ct) =>
        await ManageAsync(id, viewer => exchange.HideAsync(viewer, id, true, reason, ct), text["The idea is hidden from everyone but managers."], ct);

    public async Task<IActionResult> OnPostUnhideAsync(Guid id, CancellationToken ct) =>
        await ManageAsync(id, viewer => exchange.HideAsync(viewer, id, false, null, ct), text["The idea is shown again."], ct);

    // onIdeaId: the idea the comment was made on, this one or one of its merged duplicates.
    public async Task<IActionResult> OnPostHideCommentAsync(Guid id, Guid onIdeaId, Guid commentId, string? reason, CancellationToken ct) =>
        await ManageAsync(id, viewer => exchange.HideCommentAsync(viewer, onIdeaId, commentId, true, reason, ct), text["The comment is hidden; its author was told why."], ct);

    public async Task<IActionResult> OnPostUnhideCommentAsync(Guid id, Guid onIdeaId, Guid commentId, CancellationToken ct) =>
        await ManageAsync(id, viewer => exchange.HideCommentAsync(viewer, onIdeaId, commentId, false, null, ct), text["The comment is shown again."], ct);

    /// <summary>The page runs for everyone who posts ideas; these handlers only for those who manage them.</summary>
    private async Task<IActionResult> ManageAsync(Guid id, Func<Viewer, Task<CommandResult>> command, string notice, CancellationToken ct)
    {
        if (!await user.MayAsync(IdeasModule.ManageIdeas))
        {
            return Forbid();
        }
        return await AfterAsync(id, (await command(await Viewer.OfAsync(user))).Refusal, null, notice, ct);
    }

    /// <summary>After a command: back to where the user came from, or this page again with the reason it was refused.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, Refusal? refusal, string? returnUrl, string? notice, CancellationToken ct)
    {
        if (refusal is null)
        {
            TempData["Notice"] = notice;
            return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect($"/ideas/{id}");
        }
        Error = refusal.Message;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        Viewer = await Viewer.OfAsync(user);
        if (await queries.FindAsync(Viewer, id, ct) is not { } idea)
        {
            return NotFound();
        }
        Idea = idea;
        if (Viewer.IsManager && idea.MergedInto is null)
        {
            MergeCandidates = await queries.SimilarAsync(idea.Title, id, Enum.Parse<IdeaBoard>(idea.Board), ct);
        }
        return Page();
    }
}
