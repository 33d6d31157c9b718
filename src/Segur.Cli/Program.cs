using Segur.Cli;

return Cli.Run(args, Console.Out, Console.Error, TimeProvider.System);
