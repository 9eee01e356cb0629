using Vouch.Auth;

namespace Vouch.Features.Ideas;

/// <summary>
/// Who is looking at the idea exchange: employees see the demand and the accounts behind an idea and the employees'
/// own board, managers also see hidden ideas and change them.
/// </summary>
public sealed record Viewer(Guid UserId, bool IsEmployee, bool IsManager)
{
    /// <summary>Whether the idea is there for the viewer: a hidden one only for managers, an employees' one only for employees.</summary>
    public bool Sees(Idea idea) => (!idea.IsHidden || IsManager) && Reads(idea.Board);

    /// <summary>The ideas that are there for the viewer: <see cref="Sees"/> as a query.</summary>
    public IQueryable<Idea> Visible(IQueryable<Idea> ideas) =>
        ideas.Where(i => (!i.IsHidden || IsManager) && (i.Board == IdeaBoard.Customer || IsEmployee));

    public bool Reads(IdeaBoard board) => board == IdeaBoard.Customer || IsEmployee;

    /// <summary>The board a list or a new idea is on: the customers' unless an employee names theirs.</summary>
    public IdeaBoard BoardOf(string? board, ValidationErrors errors)
    {
        var named = EnumText.Optional<IdeaBoard>(board, "board", errors) ?? IdeaBoard.Customer;
        if (!Reads(named))
        {
            errors.Add("board", "Only employees use the employee board: board must be customer.");
        }
        return named;
    }

    public static async Task<Viewer> OfAsync(CurrentUser user) =>
        new(user.Id, await user.MayAsync(Policies.ReadInventory), await user.MayAsync(IdeasModule.ManageIdeas));
}
