// Fills in what the server cannot know for the pin commands when they run from the Command Palette: the active
// file, or the workspace folders. The server advertises the commands; vscode-languageclient registers them and
// routes them through this middleware.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const registryMiddleware: Middleware = {
  executeCommand: async (command, args, next) => {
    if (command === 'shipshape.pinAllInFile' && args.length === 0) {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showWarningMessage('Shipshape: open a Dockerfile or Kubernetes manifest to pin its images.');
        return undefined;
      }
      return next(command, [{ uri: doc.uri.toString() }]);
    }
    if (command === 'shipshape.pinAllInWorkspace' && args.length === 0) {
      const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
      if (folders.length === 0) {
        void vscode.window.showWarningMessage('Shipshape: open a folder to pin its images.');
        return undefined;
      }
      return next(command, [{ folders }]);
    }
    return next(command, args);
  },
};
