namespace Orleans.Render.Grains;

/// <summary>
/// A reminder a reentrant grain keeps only while it has work. Changes take turns: interleaved calls would otherwise
/// race, one removing the reminder with the ETag read before another re-registered it (a "tag mismatch" failure), or
/// removing the reminder the other has just registered. Each turn asks the grain afresh whether it wants the reminder,
/// so the last turn applies the latest state.
/// </summary>
internal sealed class ReminderSwitch(Grain grain, string name, TimeSpan period)
{
    private Task turn = Task.CompletedTask;
    private bool? registered;

    /// <summary>Registers or removes the reminder so that it matches <paramref name="wanted"/>, asked when its turn comes.</summary>
    public Task SetAsync(Func<bool> wanted)
    {
        turn = TakeTurnAsync(turn, wanted);
        return turn;
    }

    private async Task TakeTurnAsync(Task previous, Func<bool> wanted)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The previous turn's caller has its failure; this turn reads the table again and goes on.
            registered = null;
        }

        var want = wanted();
        registered ??= await grain.GetReminder(name) is not null;
        if (registered == want)
        {
            return;
        }

        registered = null;
        if (want)
        {
            await grain.RegisterOrUpdateReminder(name, period, period);
        }
        else if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        registered = want;
    }
}
