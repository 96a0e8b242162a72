"""PyTorch side of evsim: reference neuron models with evsim's exact semantics, training
helpers, NeuroBench-style op counting, and export/import of evsim checkpoints."""
