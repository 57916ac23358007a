using Orleans.Render.Rendering.Engine;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

public sealed class ProcessSlotsTests
{
    [Fact]
    public async Task Urgent_runs_have_slots_of_their_own_and_never_wait_behind_other_work()
    {
        var slots = new ProcessSlots(1);
        var normal = await slots.AcquireAsync(ProcessPriority.Normal, CancellationToken.None);

        var urgent = await slots.AcquireAsync(ProcessPriority.Urgent, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var secondUrgent = slots.AcquireAsync(ProcessPriority.Urgent, CancellationToken.None);
        Assert.False(secondUrgent.IsCompleted);

        urgent.Dispose();
        (await secondUrgent).Dispose();
        normal.Dispose();
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task A_normal_waiter_goes_before_background_waiters_that_came_earlier()
    {
        var slots = new ProcessSlots(1);
        var first = await slots.AcquireAsync(ProcessPriority.Background, CancellationToken.None);
        var background = slots.AcquireAsync(ProcessPriority.Background, CancellationToken.None);
        var normal = slots.AcquireAsync(ProcessPriority.Normal, CancellationToken.None);

        first.Dispose();
        var normalSlot = await normal;
        Assert.False(background.IsCompleted);

        normalSlot.Dispose();
        (await background).Dispose();
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_takes_no_slot()
    {
        var slots = new ProcessSlots(1);
        var held = await slots.AcquireAsync(ProcessPriority.Normal, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var withdrawn = slots.AcquireAsync(ProcessPriority.Normal, cancel.Token);
        var next = slots.AcquireAsync(ProcessPriority.Background, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        held.Dispose();
        (await next).Dispose();
        Assert.Equal(0, slots.Running);
    }
}
