using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Ideas;

public static class IdeaEndpoints
{
    public static RouteGroupBuilder MapIdeas(this RouteGroupBuilder api)
    {
        var ideas = api.MapGroup("/ideas").WithTags("Ideas").RequireAuthorization(IdeasModule.PostIdeas);

        ideas.MapGet("/", List)
            .WithName("ListIdeas").WithSummary("The idea board: a page of ideas, sorted hot, top, new or by the value of the voters' accounts.");
        ideas.MapPost("/", Post)
            .WithName("PostIdea").WithSummary("Post an idea; the smallest body is a title and a description.");
        ideas.MapGet("/similar", Similar)
            .WithName("SimilarIdeas").WithSummary("The existing ideas most like a typed title, best first, with a similarity score.");
        ideas.MapGet("/duplicates", Duplicates)
            .WithName("DuplicateIdeas").WithSummary("Groups of likely duplicates on a board, to review and merge, the groups joining the most votes first.")
            .RequireAuthorization(IdeasModule.ManageIdeas);
        ideas.MapGet("/{id:guid}", Get)
            .WithName("GetIdea").WithSummary("One idea with its votes, comments (its duplicates' too) and whether the caller voted and follows it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        ideas.MapPost("/{id:guid}/votes", Vote)
            .WithName("VoteForIdea").WithSummary("Vote for an idea. Voting twice changes nothing and answers the same.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapDelete("/{id:guid}/votes", Unvote)
            .WithName("WithdrawVote").WithSummary("Take the caller's vote back.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapPost("/{id:guid}/comments", Comment)
            .WithName("CommentOnIdea").WithSummary("Comment on an idea.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        ideas.MapPost("/{id:guid}/follow", Follow)
            .WithName("FollowIdea").WithSummary("Be told when the idea's status changes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        ideas.MapDelete("/{id:guid}/follow", Unfollow)
            .WithName("UnfollowIdea").WithSummary("Stop following an idea.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        ideas.MapPost("/{id:guid}/status", SetStatus)
            .WithName("SetIdeaStatus").WithSummary("Set an idea's status with an official response; followers are notified.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(IdeasModule.ManageIdeas);
        ideas.MapPost("/{id:guid}/merge", Merge)
            .WithName("MergeIdea").WithSummary("Merge a duplicate into the original: its voters' votes move over, each voter counted once.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(IdeasModule.ManageIdeas);
        ideas.MapDelete("/{id:guid}/merge", UndoMerge)
            .WithName("UndoMerge").WithSummary("Undo a merge: the moved votes leave the original and the duplicate is its own idea again.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(IdeasModule.ManageIdeas);
        ideas.MapPost("/{id:guid}/hide", Hide)
            .WithName("HideIdea").WithSummary("Hide an abusive idea from everyone but managers, with the reason its author is told.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(IdeasModule.ManageIdeas);
        ideas.MapDelete("/{id:guid}/hide", Unhide)
            .WithName("UnhideIdea").WithSummary("Show a hidden idea again.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(IdeasModule.ManageIdeas);
        ideas.MapPost("/{id:guid}/comments/{commentId:guid}/hide", HideComment)
            .WithName("HideComment")
            .WithSummary("Hide an abusive comment, with the reason its author is told: everyone but managers reads that a moderator hid it. A comment is named by the idea it was made on.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(IdeasModule.ManageIdeas);
        ideas.MapDelete("/{id:guid}/comments/{commentId:guid}/hide", UnhideComment)
            .WithName("UnhideComment").WithSummary("Show a hidden comment again.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(IdeasModule.ManageIdeas);
        return api;
    }

    private static async Task<Results<Ok<Paged<IdeaSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] IdeaFilter filter, CurrentUser user, IdeaQueries queries, CancellationToken ct)
    {
        var viewer = await Viewer.OfAsync(user);
        var (query, errors) = await queries.ResolveAsync(viewer, filter, page.Q, ct);
        page.Validate(errors);
        return errors.IsEmpty ? TypedResults.Ok(await queries.SearchAsync(viewer, page, query!, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Created<IdeaResponse>, ValidationProblem, ProblemHttpResult>> Post(
        PostIdeaRequest request, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct)
    {
        var viewer = await Viewer.OfAsync(user);
        var posted = await (await exchange.PostAsync(viewer, request, ct)).MapAsync(id => queries.GetAsync(viewer, id, ct));
        return posted.ToApi(idea => TypedResults.Created($"/api/v1/ideas/{idea.Id}", idea));
    }

    private static async Task<Results<Ok<IReadOnlyList<DuplicateCluster>>, ValidationProblem>> Duplicates(
        string? board, CurrentUser user, IdeaQueries queries, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var on = (await Viewer.OfAsync(user)).BoardOf(board, errors);
        return errors.IsEmpty ? TypedResults.Ok(await queries.DuplicateClustersAsync(on, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<SimilarIdea>>, ValidationProblem>> Similar(
        string? text, string? board, CurrentUser user, IdeaQueries queries, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("text", text, int.MaxValue);
        var on = (await Viewer.OfAsync(user)).BoardOf(board, errors);
        return errors.IsEmpty ? TypedResults.Ok(await queries.SimilarAsync(IdeaQueries.Readable(text!), null, on, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, CurrentUser user, IdeaQueries queries, CancellationToken ct) =>
        (await queries.FindAsync(await Viewer.OfAsync(user), id, ct)).OrNotFound("The idea").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<VoteResponse>, ValidationProblem, ProblemHttpResult>> Vote(
        Guid id, CurrentUser user, IdeaExchange exchange, CancellationToken ct) =>
        (await exchange.VoteAsync(await Viewer.OfAsync(user), id, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<VoteResponse>, ValidationProblem, ProblemHttpResult>> Unvote(
        Guid id, CurrentUser user, IdeaExchange exchange, CancellationToken ct) =>
        (await exchange.UnvoteAsync(await Viewer.OfAsync(user), id, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<CommentResponse>, ValidationProblem, ProblemHttpResult>> Comment(
        Guid id, CommentRequest request, CurrentUser user, IdeaExchange exchange, CancellationToken ct) =>
        (await exchange.CommentAsync(await Viewer.OfAsync(user), id, request, ct)).ToApi(comment => TypedResults.Created($"/api/v1/ideas/{id}", comment));

    private static async Task<Results<Ok<FollowResponse>, ValidationProblem, ProblemHttpResult>> Follow(
        Guid id, CurrentUser user, IdeaExchange exchange, CancellationToken ct) =>
        (await exchange.FollowAsync(await Viewer.OfAsync(user), id, true, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<FollowResponse>, ValidationProblem, ProblemHttpResult>> Unfollow(
        Guid id, CurrentUser user, IdeaExchange exchange, CancellationToken ct) =>
        (await exchange.FollowAsync(await Viewer.OfAsync(user), id, false, ct)).ToApi(TypedResults.Ok);

    private static Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> SetStatus(
        Guid id, StatusRequest request, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct) =>
        AnswerWithIdeaAsync(user, id, queries, viewer => exchange.SetStatusAsync(viewer, id, request, ct), ct);

    private static Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> Merge(
        Guid id, MergeRequest request, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct) =>
        AnswerWithIdeaAsync(user, id, queries, viewer => exchange.MergeAsync(viewer, id, request, ct), ct);

    private static Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> UndoMerge(
        Guid id, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct) =>
        AnswerWithIdeaAsync(user, id, queries, viewer => exchange.UndoMergeAsync(viewer, id, ct), ct);

    private static Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> Hide(
        Guid id, HideRequest? request, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct) =>
        AnswerWithIdeaAsync(user, id, queries, viewer => exchange.HideAsync(viewer, id, true, request?.Reason, ct), ct);

    private static Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> Unhide(
        Guid id, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct) =>
        AnswerWithIdeaAsync(user, id, queries, viewer => exchange.HideAsync(viewer, id, false, null, ct), ct);

    private static Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> HideComment(
        Guid id, Guid commentId, HideRequest? request, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct) =>
        AnswerWithIdeaAsync(user, id, queries, viewer => exchange.HideCommentAsync(viewer, id, commentId, true, request?.Reason, ct), ct);

    private static Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> UnhideComment(
        Guid id, Guid commentId, CurrentUser user, IdeaExchange exchange, IdeaQueries queries, CancellationToken ct) =>
        AnswerWithIdeaAsync(user, id, queries, viewer => exchange.HideCommentAsync(viewer, id, commentId, false, null, ct), ct);

    /// <summary>The idea as the command left it, or why the command was refused.</summary>
    private static async Task<Results<Ok<IdeaResponse>, ValidationProblem, ProblemHttpResult>> AnswerWithIdeaAsync(
        CurrentUser user, Guid id, IdeaQueries queries, Func<Viewer, Task<CommandResult>> command, CancellationToken ct)
    {
        var viewer = await Viewer.OfAsync(user);
        var done = await command(viewer);
        return (await done.ThenAsync(() => queries.GetAsync(viewer, id, ct))).ToApi(TypedResults.Ok);
    }
}
