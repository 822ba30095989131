## ledger: the rectification ledger (整改台账) and assess rectify

ledger-placeholder-unused = -
