package dev.sluice.cli.commands;

/** --output of show and compile. */
public enum OutputFormat { TEXT, JSON }
